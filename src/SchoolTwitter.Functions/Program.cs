using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Infrastructure;
using SchoolTwitter.Infrastructure.Drafts;
using SchoolTwitter.Infrastructure.Followers;
using SchoolTwitter.Infrastructure.Rotation;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Worker telemetry straight to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING from the app settings).
// No adaptive sampling in the worker: one school's volume is small, and an alert event (AlertEvents) must never be
// sampled away. The Application Insights logger (2.23) always writes an EventId's name to customDimensions.EventName,
// which the alert rules query; it has no IncludeEventId switch to turn on (that option is the host's, not the worker's).
builder.Services
    .AddApplicationInsightsTelemetryWorkerService(o => o.EnableAdaptiveSampling = false)
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddSingleton<ITelemetryInitializer, RedactUrlQueryTelemetryInitializer>();

// The Application Insights provider adds a Warning-and-above filter by default; host.json's levels should decide instead
// (so Information and Warning from SchoolTwitter.* categories, AlertEvents among them, reach Application Insights).
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var rule = options.Rules.FirstOrDefault(r =>
        r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (rule is not null)
    {
        options.Rules.Remove(rule);
    }
});

// Who may call each HTTP function is decided here, once, before any function runs (see HttpAccessAttribute).
builder.UseMiddleware<HttpAccessMiddleware>();

builder.Services
    .AddPlatform(builder.Configuration)
    .AddDraftPipeline(builder.Configuration)
    .AddFollowerReview(builder.Configuration)
    .AddCredentialRotation(builder.Configuration)
    .AddSltMembership();

// The SLT page's own operations (on top of the services above, which it shares with the HTTP API).
builder.Services.AddSltPage();

builder.Build().Run();
