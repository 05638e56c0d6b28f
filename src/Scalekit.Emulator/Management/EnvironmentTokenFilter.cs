using Scalekit.Emulator.Internal;

namespace Scalekit.Emulator.Management;

/// <summary>The REST management API's guard: a refused token is a 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3).</summary>
internal sealed class EnvironmentTokenFilter(EnvironmentTokenValidator validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await validator.ValidateAsync(http) is not { } failure)
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = failure.Error is null ? "Bearer" : $"Bearer error=\"{failure.Error}\"";
        return EmulatorResults.Problem(StatusCodes.Status401Unauthorized, failure.Detail);
    }
}
