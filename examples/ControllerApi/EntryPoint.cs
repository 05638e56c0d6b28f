namespace ControllerApi;

/// <summary>A public type of this assembly, for <c>WebApplicationFactory&lt;ControllerApiEntryPoint&gt;</c> in tests.</summary>
public sealed class ControllerApiEntryPoint;
