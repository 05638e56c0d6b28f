using System.Net;

namespace Scalekit.Client.Management;

/// <summary>
/// The management API refused a call: 404 for an unknown organization, client, secret or API key; 409 for an external
/// id another organization has; 400 for an invalid value; 401/403 for the environment client's token.
/// <see cref="Detail"/> carries the API's explanation, and <see cref="HttpRequestException.StatusCode"/> the status.
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
