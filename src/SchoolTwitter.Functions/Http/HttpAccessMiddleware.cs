using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Page;

namespace SchoolTwitter.Functions.Http;

/// <summary>
/// The one place that decides who may call an HTTP function. Before the function runs it resolves the caller once (through
/// <see cref="ISltDirectory"/>, from the Easy Auth headers only when App Service Authentication is on), checks the
/// function's <see cref="HttpAccessAttribute"/>, and either puts the caller on the invocation (<see cref="HttpCaller"/>) or
/// answers 401 (nobody trusted) / 403 (known but not allowed) as problem+json, logging and auditing the refusal once.
/// A function without an access attribute is refused: fail closed.
/// </summary>
public sealed partial class HttpAccessMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>Audit subjects come from route values; the audit table's keys are bounded, and an over-long id is an attack, not a subject.</summary>
    public const int MaxSubjectLength = 128;

    private readonly ConcurrentDictionary<string, HttpAccessAttribute?> _rules = new(StringComparer.Ordinal);
    private readonly ISltDirectory _directory;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpAccessMiddleware> _logger;
    private readonly bool _easyAuthEnabled;

    public HttpAccessMiddleware(ISltDirectory directory, IAuditLog audit, TimeProvider time, IConfiguration configuration, ILogger<HttpAccessMiddleware> logger)
    {
        _directory = directory;
        _audit = audit;
        _time = time;
        _logger = logger;
        _easyAuthEnabled = EasyAuthPrincipal.IsEnabled(configuration);
        if (!_easyAuthEnabled) LogAuthenticationOff(logger, EasyAuthPrincipal.EnabledSetting, PrincipalReading.AuthenticationOffReason);
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (!context.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var http = context.GetHttpContext()
            ?? throw new InvalidOperationException("No HttpContext: the ASP.NET Core integration must run before HttpAccessMiddleware.");
        var rule = _rules.GetOrAdd(context.FunctionDefinition.EntryPoint, RuleFor);
        var caller = await _directory.ResolveAsync(EasyAuthPrincipal.Read(http.Request, _easyAuthEnabled), context.CancellationToken);
        var refusal = rule is null ? "this function declares no access rule, so nobody may call it" : rule.Refusal(caller);
        if (refusal is not null)
        {
            await RefuseAsync(http, context, rule, caller, refusal, "refused: not SLT");
            return;
        }
        if (rule!.AgreementRefusal(caller) is { } unsigned)
        {
            await RefuseAsync(http, context, rule, caller, unsigned, "refused: no signed user agreement");
            return;
        }
        if (CrossSiteRequestGuard.Refusal(http.Request, IsPage(context)) is { } crossSite)
        {
            // Known and allowed, but the change did not come from the app's own page: a forged cross-site request.
            await RefuseAsync(http, context, rule, caller, crossSite, "refused: cross-site request");
            return;
        }

        context.Items[HttpCaller.ItemKey] = caller;
        http.Items[HttpCaller.ItemKey] = caller;
        await next(context);
    }

    /// <summary>The SLT page's functions (namespace SchoolTwitter.Functions.Page): every change they accept must carry the page's header.</summary>
    private static bool IsPage(FunctionContext context) =>
        context.FunctionDefinition.EntryPoint.StartsWith(CrossSiteRequestGuard.PageNamespace, StringComparison.Ordinal);

    /// <summary>The access attribute of the function an entry point ("Namespace.Class.Method") names, if any.</summary>
    public static HttpAccessAttribute? RuleFor(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        var type = dot > 0 ? typeof(HttpAccessMiddleware).Assembly.GetType(entryPoint[..dot]) : null;
        return type?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == entryPoint[(dot + 1)..])
            .Select(m => m.GetCustomAttribute<HttpAccessAttribute>())
            .FirstOrDefault(a => a is not null);
    }

    private async Task RefuseAsync(HttpContext http, FunctionContext context, HttpAccessAttribute? rule, Caller caller, string reason, string outcome)
    {
        var unauthenticated = caller.Kind == CallerKind.Anonymous;
        var crossSite = outcome == "refused: cross-site request";
        var function = context.FunctionDefinition.Name;
        LogRefused(_logger, function, caller.Id, reason);
        await _audit.AppendAsync(new AuditEntry(_time.GetUtcNow(), caller.Id, rule?.AuditAction ?? "http.refused",
            Subject(rule, context, function), unauthenticated ? "refused: not signed in: " + reason : outcome, $"{function}: {reason}"), context.CancellationToken);

        var problem = unauthenticated ? ProblemResults.Unauthorized(reason + ".")
            : crossSite ? ProblemResults.CrossSite(reason + "; the attempt was recorded.")
            : ProblemResults.Forbidden(reason + "; the attempt was recorded.");
        if (unauthenticated) http.Response.Headers.WWWAuthenticate = "Bearer";
        if (IsPage(context) && PageRefusal.WantsHtml(http.Request))
        {
            await PageRefusal.WriteAsync(http, problem.StatusCode, problem.Problem.Title!);
            return;
        }
        await problem.ExecuteAsync(http);
    }

    private static string Subject(HttpAccessAttribute? rule, FunctionContext context, string function)
    {
        var template = rule?.AuditSubject ?? function;
        if (!(template.StartsWith('{') && template.EndsWith('}'))) return template;
        var value = context.BindingContext.BindingData.TryGetValue(template[1..^1], out var v) ? v?.ToString() : null;
        return value is { Length: > 0 and <= MaxSubjectLength } ? value : function;
    }

    [LoggerMessage(EventId = 4010, EventName = "HttpAccessAuthenticationOff", Level = LogLevel.Error,
        Message = "{Setting} is not True: every SLT action will be refused. {Reason}")]
    private static partial void LogAuthenticationOff(ILogger logger, string setting, string reason);

    [LoggerMessage(EventId = 4011, EventName = "HttpAccessRefused", Level = LogLevel.Warning,
        Message = "{Function} refused for {Actor}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string function, string actor, string reason);
}

/// <summary>The caller <see cref="HttpAccessMiddleware"/> resolved for this invocation.</summary>
public static class HttpCaller
{
    public const string ItemKey = "SchoolTwitter.Caller";

    /// <summary>The admitted caller; throws (500, nothing done) if the access check did not run, so a function can never act for nobody.</summary>
    public static Caller Caller(this HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(ItemKey, out var caller) && caller is Caller admitted
            ? admitted
            : throw new InvalidOperationException("No caller was admitted for this request: HttpAccessMiddleware did not run.");
}
