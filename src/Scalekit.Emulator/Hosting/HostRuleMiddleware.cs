using Scalekit.Emulator.Internal;

namespace Scalekit.Emulator.Hosting;

/// <summary>
/// Refuses, before anything else runs, every request for a host that <see cref="HostRule"/> does not accept: 421
/// Misdirected Request (RFC 9110 §15.5.20: this server does not answer for that host) with a problem document that
/// names the accepted hosts and how to accept another; a gRPC call gets <c>PERMISSION_DENIED</c> with the same reason
/// (<see cref="GrpcRefusal"/>). Every route is covered, those mapped later included.
/// </summary>
internal sealed class HostRuleMiddleware(RequestDelegate next, HostRule rule, ILogger<HostRuleMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (rule.Accepts(context.Request.Host))
        {
            return next(context);
        }

        var host = EmulatorLoggingExtensions.Clip(context.Request.Host.Host);
        logger.HostRefused(context.Request.Method, EmulatorLoggingExtensions.Clip(context.Request.Path.Value, 128), host, rule.Accepted);
        var detail = $"The emulator does not answer for host '{host}': it answers {rule.Accepted} only, so that no web page can reach it " +
            "through a DNS-rebinding host name. To accept this host, set Emulator:EnvironmentUrl to its URL or add it to Emulator:AllowedHosts.";
        return GrpcRefusal.IsGrpc(context.Request)
            ? GrpcRefusal.WriteAsync(context, Grpc.Core.StatusCode.PermissionDenied, detail)
            : EmulatorResults.Problem(StatusCodes.Status421MisdirectedRequest, detail).ExecuteAsync(context);
    }
}
