using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// The busy answer of <see cref="DatabaseBusyMiddleware"/> in the Development environment too, where the developer
/// exception page, which runs inside every startup filter's middleware, would otherwise turn the exception into a 500.
/// </summary>
internal sealed class DatabaseBusyPageFilter(ILogger<DatabaseBusyMiddleware> logger) : IDeveloperPageExceptionFilter
{
    public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next) =>
        errorContext.Exception is SqliteException exception && EmulatorDatabase.IsBusy(exception) && !errorContext.HttpContext.Response.HasStarted
            ? DatabaseBusyMiddleware.AnswerAsync(errorContext.HttpContext, exception, logger)
            : next(errorContext);
}
