using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// Answers a request that found the database locked by another connection (<see cref="EmulatorDatabase.IsBusy"/>) with
/// 503 Service Unavailable, <c>Retry-After: 1</c> and a problem document, instead of a 500: the lock is someone else's
/// (a sqlite3 shell, a second emulator on the file) and a retry may succeed. The gRPC services answer the same through
/// <see cref="DatabaseBusyInterceptor"/>.
/// </summary>
internal sealed class DatabaseBusyMiddleware(RequestDelegate next, ILogger<DatabaseBusyMiddleware> logger)
{
    /// <summary>The <c>Retry-After</c> of a busy answer, in seconds.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>What a busy answer says.</summary>
    public const string Detail =
        "The emulator's database (Emulator:Database) is locked by another connection, such as a sqlite3 shell or a second " +
        "emulator on the same file. Retry in a moment.";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (SqliteException exception) when (EmulatorDatabase.IsBusy(exception) && !context.Response.HasStarted)
        {
            await AnswerAsync(context, exception, logger);
        }
    }

    /// <summary>Writes the busy answer over whatever the response held so far.</summary>
    public static async Task AnswerAsync(HttpContext context, SqliteException exception, ILogger logger)
    {
        logger.DatabaseBusy(exception.Message, context.Request.Method, EmulatorLoggingExtensions.Clip(context.Request.Path.Value, 128), RetryAfterSeconds);
        context.Response.Clear();
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (GrpcRefusal.IsGrpc(context.Request))
        {
            await GrpcRefusal.WriteAsync(context, Grpc.Core.StatusCode.Unavailable, Detail, TimeSpan.FromSeconds(RetryAfterSeconds));
            return;
        }

        await EmulatorResults.Problem(StatusCodes.Status503ServiceUnavailable, Detail).ExecuteAsync(context);
    }
}
