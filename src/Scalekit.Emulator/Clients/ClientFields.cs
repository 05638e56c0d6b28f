using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Clients;

/// <summary>
/// The fields of an API client that a create or an update sets: the body of <c>POST</c> and
/// <c>PATCH /api/v1/organizations/{org}/clients[/{id}]</c>, and what the gRPC <c>OrganizationClient</c> message
/// carries. On an update, <see langword="null"/> keeps the current value.
/// </summary>
internal sealed record ClientFields(
    string? Name = null,
    string? Description = null,
    List<CustomClaim>? CustomClaims = null,
    List<string>? Scopes = null,
    List<string>? Audience = null,
    long? Expiry = null);
