using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// Runs once the options were validated at start-up: builds each Scalekit scheme's JwtBearer options (so the first
/// request does not pay for it) and warns about a disabled audience check.
/// </summary>
internal sealed class ScalekitStartup(
    IOptions<ScalekitSchemeOptions> schemes,
    IOptionsMonitor<ScalekitApiAuthOptions> scalekitOptions,
    IOptionsMonitor<JwtBearerOptions> jwtBearerOptions,
    ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("Scalekit.AspNetCore");
        foreach (var scheme in schemes.Value.Schemes)
        {
            _ = jwtBearerOptions.Get(scheme);
            if (scalekitOptions.Get(scheme).DisableAudienceValidation)
            {
                logger.AudienceValidationDisabled(scheme);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
