namespace Scalekit.Emulator.Management;

/// <summary>
/// Why a management operation refused: the same kinds whether it came over REST (a problem-details status) or gRPC (a
/// status code the SDKs map to their exceptions).
/// </summary>
internal enum ManagementErrorKind
{
    /// <summary>A field is missing or breaks a rule: REST 400, gRPC <c>INVALID_ARGUMENT</c>.</summary>
    InvalidArgument,

    /// <summary>The named organization, client, secret or API key does not exist: REST 404, gRPC <c>NOT_FOUND</c>.</summary>
    NotFound,

    /// <summary>Another resource holds the unique value: REST 409, gRPC <c>ALREADY_EXISTS</c>.</summary>
    AlreadyExists,

    /// <summary>The request is valid but the resource's state forbids it: REST 400, gRPC <c>FAILED_PRECONDITION</c>.</summary>
    FailedPrecondition,
}

/// <summary>A refusal with a message that names the field or resource and what to do.</summary>
internal sealed record ManagementError(ManagementErrorKind Kind, string Message)
{
    public static ManagementError Invalid(string message) => new(ManagementErrorKind.InvalidArgument, message);

    public static ManagementError NotFound(string what, string id) =>
        new(ManagementErrorKind.NotFound, $"No {what} with id '{ManagementValidation.Clip(id)}'.");

    public static ManagementError Conflict(string message) => new(ManagementErrorKind.AlreadyExists, message);

    public static ManagementError Precondition(string message) => new(ManagementErrorKind.FailedPrecondition, message);
}

/// <summary>The outcome of a management operation: a value, or the <see cref="ManagementError"/> that refused it.</summary>
internal readonly struct ManagementResult<T>
{
    private ManagementResult(T? value, ManagementError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ManagementError? Error { get; }

    public static implicit operator ManagementResult<T>(T value) => new(value, null);

    public static implicit operator ManagementResult<T>(ManagementError error) => new(default, error);
}
