using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Scalekit.Emulator.Management;

/// <summary>The gRPC side of a management answer: the value, or an <see cref="RpcException"/> with the status the SDKs map to their exceptions.</summary>
internal static class GrpcResults
{
    /// <summary>The value of <paramref name="result"/>, or its refusal thrown as the matching status.</summary>
    public static T Unwrap<T>(ManagementResult<T> result) =>
        result.Error is { } error ? throw Refusal(error) : result.Value!;

    public static RpcException Refusal(ManagementError error) => new(new Status(
        error.Kind switch
        {
            ManagementErrorKind.NotFound => StatusCode.NotFound,
            ManagementErrorKind.AlreadyExists => StatusCode.AlreadyExists,
            ManagementErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        },
        error.Message));

    public static Timestamp Time(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static Timestamp? Time(DateTime? value) => value is { } time ? Time(time) : null;
}
