using System.Net;

namespace Scalekit.Client.Management;

/// <summary>
/// The management API refused a call (404 for an unknown organization or client, 400 for an invalid body, 401/403
/// for the environment client's token). <see cref="Detail"/> carries the API's explanation.
/// </summary>
public sealed class ScalekitManagementException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="detail">The API's explanation (<c>detail</c>, <c>message</c> or <c>error_description</c> of the body).</param>
    public ScalekitManagementException(string message, HttpStatusCode statusCode, string? detail)
        : base(HttpRequestError.Unknown, message, null, statusCode) => Detail = detail;

    /// <summary>The API's explanation, or <see langword="null"/>.</summary>
    public string? Detail { get; }
}
