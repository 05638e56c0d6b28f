using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// The busy answer of <see cref="DatabaseBusyMiddleware"/> for the gRPC services, whose exceptions never reach the
/// middleware (gRPC turns them into <c>UNKNOWN</c>): <c>UNAVAILABLE</c>, which clients retry, with the same reason and
/// <c>grpc-retry-pushback-ms: 1000</c>.
/// </summary>
internal sealed class DatabaseBusyInterceptor(ILogger<DatabaseBusyMiddleware> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (SqliteException exception) when (EmulatorDatabase.IsBusy(exception))
        {
            logger.DatabaseBusy(exception.Message, "gRPC", EmulatorLoggingExtensions.Clip(context.Method, 128), DatabaseBusyMiddleware.RetryAfterSeconds);
            throw new RpcException(
                new Status(StatusCode.Unavailable, DatabaseBusyMiddleware.Detail),
                new Metadata { { "grpc-retry-pushback-ms", (DatabaseBusyMiddleware.RetryAfterSeconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }
    }
}
