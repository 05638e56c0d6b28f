using System.Collections.Concurrent;
using System.Diagnostics;

namespace Scalekit.AspNetCore.Tests.Diagnostics;

/// <summary>
/// Records the stopped activities of ASP.NET Core's hosting and of <c>Scalekit.AspNetCore</c> that belong to one trace.
/// Requests join the trace through a <c>traceparent</c> header (<see cref="TraceParent"/>), so that activities of other
/// tests' hosts running at the same time are left out.
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ScalekitApiAuthDefaults.ActivitySourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

    /// <summary>The W3C <c>traceparent</c> header value that puts a request into <see cref="TraceId"/>.</summary>
    public string TraceParent => $"00-{TraceId}-{ActivitySpanId.CreateRandom()}-01";

    /// <summary>The stopped activities of the trace named <paramref name="operationName"/>, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Named(string operationName) =>
        _stopped.Where(a => a.OperationName == operationName).ToList();

    /// <summary>Every stopped activity of the trace.</summary>
    public IReadOnlyList<Activity> All => _stopped.ToList();

    public void Dispose() => _listener.Dispose();
}
