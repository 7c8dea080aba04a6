namespace SchoolTwitter.Core.Tests.Language;

/// <summary>Ordinary primary school news must pass every language rule: a false alarm blocks good news.</summary>
public sealed class SchoolNewsPassesCleanTests
{
    public static TheoryData<string> SchoolNews =>
    [
        "What a fantastic Sports Day! Thank you to all the families who came to cheer on our children.",
        "Our choir sang beautifully at St Helens Town Hall this evening. We are so proud of them.",
        "Year 6 have worked incredibly hard this week. Good luck with your SATs next week!",
        "Thank you for your generous donations to our Harvest Festival. Everything will go to the local food bank.",
        "Happy World Book Day! Our staff and children came dressed as their favourite characters.",
        "The PTA Summer Fair is on Saturday 21st June from 12pm until 3pm. Everyone is welcome!",
        "Reminder: school closes for May half term on Friday. We return on Monday 2nd June.",
        "Will you join us for our Christmas Nativity? Tickets are available from the school office.",
        "Our Reception children enjoyed a visit from the local fire brigade today. Thank you to the crew from Red Watch!",
        "Mrs Walsh and Mr Khan took Year 4 on a trip to Chester Zoo. The children loved the elephants.",
        "Councillor Jones visited our Eco Council to talk about recycling in St Helens.",
        "Congratulations to our netball team, who won the borough tournament on Thursday!",
        "Well done to everyone in Year 2 for a brilliant class assembly about the Great Fire of London.",
        "KS2 pupils took part in a PE festival at Haydock today. The teamwork was superb.",
        "Our EYFS outdoor area has a new mud kitchen thanks to the PTA. The children love it.",
        "Parents' evening is on Tuesday and Wednesday next week. Please book a slot through the school office.",
        "We are collecting for the NHS charities appeal this month. Any donation, however small, helps.",
        "Grace, hope and kindness are our school values this term.",
        "Summer term clubs start next week: football, gardening, coding and choir.",
        "Year 3 have been learning about the Romans. Today they made their own shields!",
        "Our Year 5 pupils visited Penistone and Scunthorpe on their geography field trip.",
        "Each class assessed their reading progress this week. The analysis will help us plan next term.",
        "The pantomime this year is Dick Whittington, performed by a touring theatre company.",
        "Pupils from Essex and Sussex joined us online for a maths challenge.",
        "A speech therapist will visit on Monday to work with some of our SEND pupils.",
        "We grew tomatoes, grapes and shiitake mushrooms in our school garden.",
        "Please remember that PE kits are needed on Tuesdays and Thursdays.",
        "Our Remembrance assembly was led by the RAF cadets. Thank you for visiting us.",
        "Year 1 wrote letters to Father Christmas and posted them at the village post office.",
        "Welcome back! We hope you had a restful Easter break. Term starts on Tuesday 15th April.",
        "Thank you to Mrs Patel and the PTA for organising a wonderful Diwali celebration.",
        "Our Year 6 leavers' service will be held at St Mary's Church on Wednesday 16th July at 2pm.",
        "The Multiplication Tables Check for Year 4 takes place in June. Keep practising at home!",
        "I am delighted to share that our school has been rated Good by Ofsted.",
        "A huge thank you to our lollipop lady, who retires this week after 25 years of service.",
        "Our Eco Council planted 30 trees along Rainford Road with help from local volunteers.",
        "Bikeability training for Year 6 starts on Monday. Please make sure bikes are roadworthy.",
        "Join us for our Macmillan coffee morning on Friday 26th September at 9am. #CoffeeMorning",
        "Read our latest newsletter here: https://school.example/news",
        "Year 4 visited the World Museum in Liverpool and learned about ancient Egypt. #Year4 #History",
    ];

    [Theory]
    [MemberData(nameof(SchoolNews))]
    public void Check_passes_ordinary_school_news_without_language_findings(string text)
    {
        var findings = LanguageChecks.LanguageFindings(text, LanguageChecks.Roster);

        findings.ShouldBeEmpty(string.Join(" | ", findings.Select(f => $"{f.Rule}: {f.Message}")));
    }
}
