namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The sentence shapes a school tweet names a child in, and school sentences that use name-words as words or name adults,
/// characters, classes, houses, events, places and pets. {0}, {1}, {2} are names; {s} a surname.
/// </summary>
internal static class NamesSentences
{
    /// <summary>Every shape names a child: praise, blame, awards, birthdays, possessives, lists, initials, full names, lower case.</summary>
    public static readonly (string Shape, string Template)[] NamingAChild =
    [
        ("star of the week", "Star of the week goes to {0}!"),
        ("reading in assembly", "Brilliant reading from {0} in assembly today!"),
        ("headteacher's award", "Headteacher's award this week goes to {0}."),
        ("possessive", "Look at {0}'s fantastic painting!"),
        ("vocative", "{0}, you were a star today!"),
        ("well done", "Well done {0}!"),
        ("player of the match", "Player of the match was {0}, who scored twice."),
        ("birthday", "Happy 7th birthday to {0} in Year 2!"),
        ("list of names", "Congratulations to {0}, {1} and {2} on their swimming certificates."),
        ("name and initial", "{0} K. read beautifully in assembly."),
        ("full name", "{0} {s} won the Year 4 spelling bee."),
        ("lower case", "well done {l} for a great week!"),
        ("blame", "{0} was very rude to the lunchtime staff today."),
        ("blame, possessive", "Disappointed with {0}'s behaviour in PE this afternoon."),
        ("plain mention", "{0} read a poem at the Harvest Festival."),
        ("picture by", "A lovely picture by {0} in Year 1."),
        ("thank you", "Thank you {0} for helping to tidy the library."),
    ];

    /// <summary>Adults with a title: the names are the sample's, so these are as varied as the names caught.</summary>
    public static readonly string[] TitledAdults =
    [
        "Thank you to {t} {0} {s} for running the book fair.",
        "{t} {s} led a wonderful assembly about kindness today.",
        "Our visitor, Dr {0} {s}, talked to Year 5 about keeping healthy.",
        "Councillor {0} {s} opened our new library this morning.",
        "Welcome to {t} {s}, who joins Year 3 after half term.",
    ];

    /// <summary>Name-words as words, authors and characters, classes and houses, events, places and pets. None names a child.</summary>
    public static readonly string[] NotAChild =
    [
        // Name-words as words.
        "Grace and hope are our school values this term.",
        "We hope you all have a lovely summer.",
        "Hope you all have a restful half term!",
        "The children showed great kindness, grace and patience.",
        "Our summer term clubs start next week.",
        "Year 2 planted a rose bush and some ivy by the gate.",
        "We borrowed a car jack to change the minibus tyre.",
        "The willow tunnel in our garden is growing well.",
        "Year 1 made daisy chains on the field at lunchtime.",
        "We wore poppy badges for our Remembrance assembly.",
        "The pond has a new lily pad and two frogs.",
        "Please mark the date in your diaries.",
        "The bill for the trip is on ParentPay.",
        "We will be closed on Monday for staff training.",
        "Year 4 learned to pat the ball bounce in basketball.",
        "You can sue for peace, said our history topic guide.",
        "The children were frank and honest in their feedback.",
        "Do not let the rain rob you of a great sports day!",
        "We sang a carol at the end of the nativity.",
        "May we remind parents that the car park is for staff only.",
        "Will you join us for the Christmas concert?",
        "Mark your calendars: the Summer Fair is on 21st June.",
        "Summer is finally here, so please send a sun hat.",
        "Holly and ivy decorated the hall for Christmas.",
        "Our reading ambassadors read to the nursery children.",
        "The robin in our garden is back this winter.",
        "Year 6 planted a hazel hedge with the Woodland Trust.",
        "The choir sang with real grace and joy.",
        "Faith, hope and love are at the heart of our school.",
        "We are so proud of the patience and kindness shown this week.",
        // Adults, authors, historical figures and characters.
        "Year 3 are reading The Twits by Roald Dahl.",
        "Year 2 loved The Hodgeheg by Dick King-Smith.",
        "Year 6 have been learning about Florence Nightingale.",
        "Our pantomime this year is Jack and the Beanstalk.",
        "The pantomime was Dick Whittington, and it was brilliant.",
        "Year 1 enjoyed Goldilocks and the Three Bears in drama.",
        "We read Matilda by Roald Dahl in class this term.",
        "Year 5 learned about Mary Seacole and Rosa Parks.",
        "Our topic this term is Henry VIII and the Tudors.",
        "The children loved Paddington at the cinema.",
        "Year 4 studied the paintings of Vincent van Gogh.",
        "We celebrated the life of Martin Luther King.",
        "Year 2 wrote letters to Father Christmas.",
        "Amazing Grace was sung beautifully by the choir.",
        "Our Reception class acted out The Gruffalo by Julia Donaldson.",
        "Year 6 performed scenes from Romeo and Juliet.",
        "We learned about Isaac Newton and gravity in science.",
        "Our Year 3 topic is Ancient Egypt and Tutankhamun.",
        "King Charles visited our town today.",
        "Thank you to Mrs Walsh and Mr Khan for the trip.",
        "Mrs Patel's class raised £200 for charity.",
        "Miss Rose read a story in assembly.",
        "Congratulations to Sir Mo Farah on his visit.",
        "Thank you to Reverend Smith for leading our Harvest service.",
        // Classes, houses, teams and groups.
        "Willow Class visited the farm today.",
        "Red House won sports day this year!",
        "Well done to everyone in Rowan class.",
        "Congratulations to Oak Class on their 100% attendance.",
        "Ivy Class have been learning about minibeasts.",
        "Poppy Class made bread with our school cook.",
        "Elm and Maple classes sang together in assembly.",
        // Events and places.
        "The PTA Summer Fair raised £2,000.",
        "See you after May half term.",
        "Our trip to Chester Zoo was amazing.",
        "Year 5 visited Lincoln Cathedral.",
        "The Harvest Festival will be held at St Mary's Church.",
        "Our Rose Garden is looking lovely this spring.",
        "The concert is on 12th May at 6pm.",
        "Our Christmas Fayre is on Friday 5th December.",
        "Year 6 visited Victoria Park for a cross-country race.",
        // Pets.
        "Our school dog Bramble loves reading with Year 2.",
        "Say hello to Nibbles, our class hamster!",
        "Biscuit the school tortoise has woken up from hibernation.",
    ];
}
