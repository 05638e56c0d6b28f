using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Scalekit.AspNetCore;

/// <summary>
/// The application's JwtBearer events around a token already taken from its <c>MessageReceived</c>: JwtBearer is
/// handed exactly that token (the one <see cref="ScalekitApiAuthHandler"/> read strictly and prepared the key for),
/// and every other event goes to the application's as before.
/// </summary>
internal sealed class SuppliedTokenEvents(JwtBearerEvents inner, string token) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        context.Token = token;
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context) => inner.TokenValidated(context);

    public override Task AuthenticationFailed(AuthenticationFailedContext context) => inner.AuthenticationFailed(context);

    public override Task Challenge(JwtBearerChallengeContext context) => inner.Challenge(context);

    public override Task Forbidden(ForbiddenContext context) => inner.Forbidden(context);
}
