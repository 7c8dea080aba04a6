using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.LocalTrial.Loopback;

/// <summary>An HTTP-triggered function of the Functions app, as its attributes declare it (route, methods).</summary>
public sealed record HttpFunction(string Name, Type Type, MethodInfo Method, string Route, IReadOnlyList<string> Methods)
{
    public string EntryPoint => $"{Type.FullName}.{Method.Name}";
}

/// <summary>A queue-triggered function and the queue it binds.</summary>
public sealed record QueueFunction(string Name, Type Type, MethodInfo Method, string Queue)
{
    public string EntryPoint => $"{Type.FullName}.{Method.Name}";
}

/// <summary>
/// The Functions app's triggers read from its own attributes, so the loopback host serves exactly the routes and queues
/// the Functions host would bind (no second copy of any route).
/// </summary>
public static class FunctionCatalog
{
    private static readonly Assembly Functions = typeof(HttpAccessMiddleware).Assembly;

    public static IReadOnlyList<HttpFunction> Http() =>
        [.. Triggers().Select(t => (t.Type, t.Method, t.Name, Trigger: t.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(t => t.Trigger is not null)
            .Select(t => new HttpFunction(t.Name, t.Type, t.Method, t.Trigger!.Route ?? t.Name, [.. (t.Trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant())]))];

    public static IReadOnlyList<QueueFunction> Queues() =>
        [.. Triggers().Select(t => (t.Type, t.Method, t.Name, Trigger: t.Method.GetParameters().Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(t => t.Trigger is not null)
            .Select(t => new QueueFunction(t.Name, t.Type, t.Method, t.Trigger!.QueueName))];

    private static IEnumerable<(Type Type, MethodInfo Method, string Name)> Triggers() =>
        from type in Functions.GetTypes()
        where type is { IsClass: true, IsAbstract: false }
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        select (type, method, function.Name);
}
