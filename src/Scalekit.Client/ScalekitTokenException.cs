using System.Net;

namespace Scalekit.Client;

/// <summary>
/// A token could not be obtained: the token endpoint refused (RFC 6749 §5.2 <see cref="Error"/> such as
/// <c>invalid_client</c>), kept failing after the retries, or could not be reached. It is an
/// <see cref="HttpRequestException"/>, so code that handles failed HttpClient calls handles it too.
/// </summary>
public sealed class ScalekitTokenException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="error">The OAuth error code, if the endpoint sent one.</param>
    /// <param name="errorDescription">The endpoint's <c>error_description</c>, if any.</param>
    /// <param name="statusCode">The HTTP status of the last answer, if there was one.</param>
    /// <param name="innerException">The transport failure, if any.</param>
    public ScalekitTokenException(string message, string? error, string? errorDescription, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(HttpRequestError.Unknown, message, innerException, statusCode)
    {
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The OAuth error code (<c>invalid_client</c>, <c>invalid_scope</c>, …), or <see langword="null"/> when the answer had none.</summary>
    public string? Error { get; }

    /// <summary>The endpoint's <c>error_description</c>, or <see langword="null"/>.</summary>
    public string? ErrorDescription { get; }
}
