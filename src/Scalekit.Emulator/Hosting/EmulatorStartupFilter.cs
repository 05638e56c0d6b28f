namespace Scalekit.Emulator.Hosting;

/// <summary>
/// Puts the emulator's guards in front of the whole application, whatever it maps and however it is hosted
/// (<see cref="ScalekitEmulatorHost"/>, the emulator's program or an application of one's own): first the host rule,
/// then the answer to a busy database.
/// </summary>
internal sealed class EmulatorStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<HostRuleMiddleware>();
        app.UseMiddleware<DatabaseBusyMiddleware>();
        next(app);
    };
}
