using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// Fault injection at the network edge of the validation client: lets <c>tokens:validate</c> reach Scalekit (the
/// emulator), then hands its answer and the submitted key to <c>rewrite</c>, which returns the answer to give instead.
/// </summary>
internal sealed class ValidationAnswerHandler(Func<HttpResponseMessage, string, Task<HttpResponseMessage>> rewrite) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.AbsolutePath.EndsWith("tokens:validate", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var submitted = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!["token"]!.GetValue<string>();
        var answer = await base.SendAsync(request, cancellationToken);
        return await rewrite(answer, submitted);
    }

    /// <summary>Scalekit's acceptance with <paramref name="change"/> applied to its <c>token_info</c>.</summary>
    public static ValidationAnswerHandler ChangingTokenInfo(Action<JsonObject, string> change) => new(async (answer, submitted) =>
    {
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
        change(body["token_info"]!.AsObject(), submitted);
        answer.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return answer;
    });

    /// <summary>A 404 whose message is <paramref name="message"/> of the submitted key.</summary>
    public static ValidationAnswerHandler NotFound(Func<string, string> message) => new((answer, submitted) =>
    {
        answer.Dispose();
        var body = new JsonObject { ["code"] = 5, ["message"] = message(submitted) };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });
    });
}
