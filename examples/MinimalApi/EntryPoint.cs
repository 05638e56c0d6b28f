namespace MinimalApi;

/// <summary>A public type of this assembly, for <c>WebApplicationFactory&lt;MinimalApiEntryPoint&gt;</c> in tests.</summary>
public sealed class MinimalApiEntryPoint;
