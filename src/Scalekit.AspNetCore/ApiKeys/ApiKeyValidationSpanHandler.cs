using System.Diagnostics;

namespace Scalekit.AspNetCore;

/// <summary>
/// The innermost handler of the <see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/> HttpClient: puts the status
/// code of Scalekit's answer on the <see cref="ScalekitApiAuthDefaults.ApiKeyValidationActivityName"/> span (the last
/// answer, when the environment client's token handler sent the call again).
/// </summary>
internal sealed class ApiKeyValidationSpanHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Activity.Current is { OperationName: ScalekitApiAuthDefaults.ApiKeyValidationActivityName, IsAllDataRequested: true } span)
        {
            span.SetTag("http.response.status_code", (int)response.StatusCode);
        }

        return response;
    }
}
