using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SchoolTwitter.Integration.Tests.Telemetry;

/// <summary>Keeps each log line's EventId and structured values (the platform's capturing provider keeps text only).</summary>
internal sealed class EventCapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEvent> _events = new();

    public IReadOnlyList<LoggedEvent> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LoggedEvent> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            events.Enqueue(new LoggedEvent(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}

internal sealed record LoggedEvent(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values)
{
    public string? Value(string name) => Values.TryGetValue(name, out var v) ? v?.ToString() : null;
}
