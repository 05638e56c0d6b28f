using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Scalekit.Emulator.Management;

namespace Scalekit.Emulator.Internal;

/// <summary>The emulator's answers: Scalekit wire JSON, OAuth errors (RFC 6749 §5.2) and problem details for the management API.</summary>
internal static class EmulatorResults
{
    /// <summary>The largest request body the token endpoint and the management API read: 1 MiB, far above any real request.</summary>
    public const long MaxBodySize = 1024 * 1024;

    /// <summary>What a body over <see cref="MaxBodySize"/> is told.</summary>
    public const string BodyTooLarge = "The request body is larger than 1 MiB.";

    public static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, EmulatorJson.Options, statusCode: status);

    public static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    public static IResult Problem(int status, string detail) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status400BadRequest => "Bad Request",
                StatusCodes.Status401Unauthorized => "Unauthorized",
                StatusCodes.Status403Forbidden => "Forbidden",
                StatusCodes.Status404NotFound => "Not Found",
                StatusCodes.Status409Conflict => "Conflict",
                StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
                StatusCodes.Status421MisdirectedRequest => "Misdirected Request",
                StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
                _ => "Error",
            },
            Detail = detail,
        });

    public static IResult NotFound(string what, string id) => Problem(ManagementError.NotFound(what, id));

    /// <summary>A management refusal as problem details: 400, 404 or 409 (gRPC's HTTP mapping of its status codes).</summary>
    public static IResult Problem(ManagementError error) => Problem(
        error.Kind switch
        {
            ManagementErrorKind.NotFound => StatusCodes.Status404NotFound,
            ManagementErrorKind.AlreadyExists => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        error.Message);

    /// <summary>The value of <paramref name="result"/> as JSON through <paramref name="body"/>, or its refusal.</summary>
    public static IResult From<T>(ManagementResult<T> result, Func<T, object> body, int status = StatusCodes.Status200OK) =>
        result.Error is { } error ? Problem(error) : Json(body(result.Value!), status);

    /// <summary>Reads a JSON body; a missing or malformed body becomes a 400 that says what was wrong.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Send a JSON body with Content-Type: application/json."));
        }

        try
        {
            var value = await request.ReadFromJsonAsync<T>(EmulatorJson.Options, request.HttpContext.RequestAborted);
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "The JSON body is empty.")) : (value, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, BodyTooLarge));
        }
        catch (InvalidOperationException ex)
        {
            // e.g. an unknown charset in Content-Type
            return (null, Problem(StatusCodes.Status400BadRequest, $"The body could not be read: {ex.Message}"));
        }
        catch (JsonException ex)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, $"The JSON body is not valid: {ex.Message}"));
        }
    }
}
