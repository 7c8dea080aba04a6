namespace SchoolTwitter.Infrastructure.Storage;

/// <summary>Runs a set-up step (e.g. CreateIfNotExists) once, sharing the result; a failed or cancelled run is tried again next time.</summary>
public sealed class AsyncOnce<T>(Func<Task<T>> factory)
{
    private readonly object _gate = new();
    private Task<T>? _task;

    public Task<T> GetAsync()
    {
        lock (_gate)
        {
            if (_task is null || _task.IsFaulted || _task.IsCanceled)
            {
                _task = factory();
            }

            return _task;
        }
    }
}
