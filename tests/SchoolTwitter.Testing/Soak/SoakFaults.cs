using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Messaging;
using SchoolTwitter.Application.X;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Testing.Soak;

/// <summary>The fault plan of a soak: seeded dice, and a count of every fault thrown by kind.</summary>
public sealed class SoakFaults(int seed)
{
    private readonly Random _random = new(seed);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Off while the soak's own bookkeeping reads and writes.</summary>
    public bool Enabled { get; set; } = true;

    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>True (and counted under <paramref name="kind"/>) with probability <paramref name="rate"/>.</summary>
    public bool Roll(string kind, double rate)
    {
        if (!Enabled) return false;
        bool hit;
        lock (_random) hit = _random.NextDouble() < rate;
        if (hit) Count(kind);
        return hit;
    }

    public T Pick<T>(IReadOnlyList<T> items)
    {
        lock (_random) return items[_random.Next(items.Count)];
    }

    public void Count(string kind, int times = 1)
    {
        if (times > 0) _counts.AddOrUpdate(kind, times, (_, n) => n + times);
    }

    /// <summary>Replaces the registration of <typeparamref name="T"/> with <paramref name="wrap"/> around it (same lifetime).</summary>
    public static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var inner = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(inner);
        services.Add(new ServiceDescriptor(typeof(T), sp => wrap((T)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))), inner.Lifetime));
    }
}

/// <summary>The process stopped here (the soak's stand-in for a killed Functions worker): nothing after this point ran.</summary>
public sealed class SimulatedCrashException(string where) : Exception($"The process stopped {where}.");

/// <summary>The draft store, with the process stopping just before or just after a write.</summary>
internal sealed class CrashingDraftStore(IDraftStore inner, SoakFaults faults, double rate) : IDraftStore
{
    public async Task<DraftRecord?> TryReplaceAsync(DraftRecord next, CancellationToken ct)
    {
        if (faults.Roll("stopped before a draft write", rate)) throw new SimulatedCrashException("before a draft write");
        var stored = await inner.TryReplaceAsync(next, ct);
        if (stored is not null && faults.Roll("stopped after a draft write", rate)) throw new SimulatedCrashException("after a draft write");
        return stored;
    }

    public async Task<DraftRecord> CreateAsync(DraftRecord draft, CancellationToken ct)
    {
        var created = await inner.CreateAsync(draft, ct);
        if (faults.Roll("stopped after storing a new draft", rate)) throw new SimulatedCrashException("after storing a new draft");
        return created;
    }

    public Task<DraftRecord?> GetAsync(string id, CancellationToken ct) => inner.GetAsync(id, ct);

    public IAsyncEnumerable<DraftRecord> ListAsync(DraftStatus status, CancellationToken ct) => inner.ListAsync(status, ct);

    public Task DeleteAsync(string id, CancellationToken ct) => inner.DeleteAsync(id, ct);

    public Task<string> ClaimKeyAsync(string key, string draftId, DateTimeOffset now, TimeSpan? window, CancellationToken ct) =>
        inner.ClaimKeyAsync(key, draftId, now, window, ct);

    public Task<string?> FindByKeyAsync(string key, DateTimeOffset now, TimeSpan? window, CancellationToken ct) =>
        inner.FindByKeyAsync(key, now, window, ct);
}

/// <summary>The message queue, with the process stopping just before or just after a send.</summary>
internal sealed class CrashingQueue(IMessageQueue inner, SoakFaults faults, double rate) : IMessageQueue
{
    public async Task SendAsync(string queueName, string message, TimeSpan? visibleAfter, CancellationToken ct)
    {
        if (faults.Roll("stopped before a queue send", rate)) throw new SimulatedCrashException("before a queue send");
        await inner.SendAsync(queueName, message, visibleAfter, ct);
        if (faults.Roll("stopped after a queue send", rate)) throw new SimulatedCrashException("after a queue send");
    }
}

/// <summary>The X client, with the process stopping after X made the post and before anything recorded it.</summary>
internal sealed class CrashingXAccount(IXAccount inner, SoakFaults faults, double rate) : ForwardingXAccount(inner)
{
    public override async Task<XPost> CreatePostAsync(XNewPost post, CancellationToken ct)
    {
        var made = await Inner.CreatePostAsync(post, ct);
        if (faults.Roll("stopped after the post was made", rate)) throw new SimulatedCrashException("after X made the post");
        return made;
    }
}
