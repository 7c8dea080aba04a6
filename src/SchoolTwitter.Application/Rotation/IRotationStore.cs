using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Application.Rotation;

/// <summary>
/// The school's terms and rotation cycles (Azure Tables). The <see cref="RotationState"/> is one row updated with its ETag,
/// so the daily check and two submissions racing each other cannot both act on the same state.
/// </summary>
public interface IRotationStore
{
    Task<IReadOnlyList<Term>> GetTermsAsync(CancellationToken ct);

    /// <summary>Stores the terms given, replacing the stored terms of the same academic years.</summary>
    Task SaveTermsAsync(IReadOnlyList<Term> terms, CancellationToken ct);

    /// <summary>The state and its ETag (null ETag: nothing stored yet).</summary>
    Task<(RotationState State, string? ETag)> GetStateAsync(CancellationToken ct);

    /// <summary>Saves the state if it is unchanged since <paramref name="etag"/> was read (null: only if none exists); returns the new ETag.</summary>
    /// <exception cref="RotationConflictException">Someone else changed the state first.</exception>
    Task<string> SaveStateAsync(RotationState state, string? etag, CancellationToken ct);

    /// <summary>Keeps a copy of a cycle (opened, superseded, completed) for the record. Last write wins.</summary>
    Task RecordCycleAsync(RotationCycle cycle, CancellationToken ct);

    /// <summary>Recorded cycles, most recently opened first.</summary>
    Task<IReadOnlyList<RotationCycle>> GetCyclesAsync(CancellationToken ct);
}

/// <param name="OpenCycle">The cycle in progress, if any.</param>
/// <param name="LastTermHandled">The term whose termly cycle was last opened or skipped.</param>
/// <param name="LastRotation">The last completed rotation.</param>
/// <param name="Claim">A submission in progress: verifying with X and writing to Key Vault.</param>
public sealed record RotationState(RotationCycle? OpenCycle = null, string? LastTermHandled = null, LastRotation? LastRotation = null, RotationClaim? Claim = null);

public sealed record LastRotation(DateTimeOffset At, string By, string CycleId);

/// <summary>An SLT member's submission holds the cycle while it is verified and written; a stale claim (crashed run) lapses.</summary>
public sealed record RotationClaim(string Id, string By, DateTimeOffset At)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public bool IsLive(DateTimeOffset now) => now - At < Lifetime;
}

public sealed class RotationConflictException(string message) : Exception(message);
