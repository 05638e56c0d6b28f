namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>Waits on real asynchronous events, but never for ever: a test that would hang fails instead.</summary>
internal static class BoundedWait
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static Task Bounded(this Task task) => task.WaitAsync(Limit);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Limit);
}
