using Microsoft.AspNetCore.Http;
using SchoolTwitter.Functions.Page;

namespace SchoolTwitter.Integration.Tests.Page;

/// <summary>Cross-site request forgery: what a browser on another site could make a signed-in SLT member's browser send.</summary>
public sealed class CrossSiteRequestGuardTests
{
    private static HttpRequest Request(string method, params (string Name, string Value)[] headers)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        request.Host = new HostString("func-schooltwitter.example");
        foreach (var (name, value) in headers) request.Headers[name] = value;
        return request;
    }

    private static readonly (string, string) Cookie = ("Cookie", "AppServiceAuthSession=abc");
    private static readonly (string, string) PageHeader = (CrossSiteRequestGuard.HeaderName, CrossSiteRequestGuard.HeaderValue);

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void Reading_is_never_refused(string method) =>
        CrossSiteRequestGuard.Refusal(Request(method, Cookie, ("Sec-Fetch-Site", "cross-site")), pageFunction: true).ShouldBeNull();

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public void A_change_to_a_page_route_needs_the_pages_header(string method)
    {
        CrossSiteRequestGuard.Refusal(Request(method, Cookie), pageFunction: true).ShouldNotBeNull().ShouldContain("did not come from the school's SLT page");
        CrossSiteRequestGuard.Refusal(Request(method, Cookie, PageHeader), pageFunction: true).ShouldBeNull();
        CrossSiteRequestGuard.Refusal(Request(method, Cookie, (CrossSiteRequestGuard.HeaderName, "0")), pageFunction: true).ShouldNotBeNull();
    }

    [Fact]
    public void A_change_to_an_api_route_carried_by_a_cookie_needs_the_header_but_a_bearer_token_or_no_cookie_does_not()
    {
        CrossSiteRequestGuard.Refusal(Request("POST", Cookie), pageFunction: false).ShouldNotBeNull();
        CrossSiteRequestGuard.Refusal(Request("POST", Cookie, ("Authorization", "Bearer eyJ...")), pageFunction: false).ShouldBeNull();
        CrossSiteRequestGuard.Refusal(Request("POST"), pageFunction: false).ShouldBeNull("the flow: a bearer token, no cookie");
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public void A_change_the_browser_says_came_from_elsewhere_is_refused_even_with_the_header(string site) =>
        CrossSiteRequestGuard.Refusal(Request("POST", Cookie, PageHeader, ("Sec-Fetch-Site", site)), pageFunction: true)
            .ShouldNotBeNull().ShouldContain("another website");

    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData("https://func-schooltwitter.example.attacker.example")]
    [InlineData("null")]
    [InlineData("https://func-schooltwitter.example:8443")]
    public void An_origin_other_than_the_apps_own_is_refused(string origin) =>
        CrossSiteRequestGuard.Refusal(Request("POST", Cookie, PageHeader, ("Origin", origin)), pageFunction: true).ShouldNotBeNull();

    [Fact]
    public void The_apps_own_origin_and_same_origin_fetches_pass()
    {
        CrossSiteRequestGuard.Refusal(Request("POST", Cookie, PageHeader, ("Origin", "https://func-schooltwitter.example"), ("Sec-Fetch-Site", "same-origin")), pageFunction: true)
            .ShouldBeNull();
        CrossSiteRequestGuard.Refusal(Request("POST", ("Origin", "https://FUNC-schooltwitter.example")), pageFunction: false).ShouldBeNull();
    }
}
