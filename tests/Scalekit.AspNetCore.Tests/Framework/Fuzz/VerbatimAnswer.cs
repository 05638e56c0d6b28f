namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// What the pipeline made of a request sent with <see cref="BearerRequests.SendVerbatimAsync"/>: the status, the
/// <c>WWW-Authenticate</c> values, every header and the body as text; or the exception the application let escape
/// (which a real server would have answered with 500).
/// </summary>
public sealed class VerbatimAnswer
{
    public required int Status { get; init; }

    public required IReadOnlyList<string> Challenges { get; init; }

    /// <summary>Every response header, one <c>name: value</c> a line.</summary>
    public required string Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>The exception that escaped the application, when one did; <see cref="Status"/> is then 500.</summary>
    public Exception? Escaped { get; init; }

    public static VerbatimAnswer FromException(Exception escaped) => new()
    {
        Status = 500,
        Challenges = [],
        Headers = "",
        Body = "",
        Escaped = escaped,
    };
}
