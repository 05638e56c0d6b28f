using System.Text.Json.Nodes;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>The API client of Scalekit's "Add auth to your APIs" guide, as its create request body.</summary>
public static class SampleClient
{
    public const string Deploy = "deploy:applications";
    public const string Read = "read:deployments";
    public const string Audience = "deployment-api.acmecorp.com";
    public const long Expiry = 3600;

    public static JsonObject Body() => JsonNode.Parse($$"""
        {
          "name": "GitHub Actions Deployment Service",
          "description": "Service account for GitHub Actions to deploy applications to production",
          "custom_claims": [
            { "key": "github_repository", "value": "acmecorp/inventory-service" },
            { "key": "environment", "value": "production_us" }
          ],
          "scopes": ["{{Deploy}}", "{{Read}}"],
          "audience": ["{{Audience}}"],
          "expiry": {{Expiry}}
        }
        """)!.AsObject();
}
