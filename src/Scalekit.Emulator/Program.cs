using Scalekit.Emulator;
using Scalekit.Emulator.Tokens;

// The local Scalekit emulator.
//   dotnet run --project src/Scalekit.Emulator                      serve on http://127.0.0.1:5100
//   dotnet run --project src/Scalekit.Emulator -- --urls http://127.0.0.1:6000
//   dotnet run --project src/Scalekit.Emulator -- rotate-keys [--grace-seconds 3600]
// The command, if any, comes first; everything else is configuration (--urls http://…, --Emulator:Database=…).
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var builder = WebApplication.CreateBuilder(command is null ? args : args[1..]);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5100");
}

// HTTP/1.1 and HTTP/2 (h2c with prior knowledge) on the same address: Scalekit's SDKs use both.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseScalekitEmulatorProtocols());
builder.Services.AddScalekitEmulator(builder.Configuration);
var app = builder.Build();

switch (command)
{
    case null or "serve":
        app.MapScalekitEmulator();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Scalekit emulator ready at {Urls}. Environment client: {ClientId}. Admin page: {Url}/",
                string.Join(", ", app.Urls), app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScalekitEmulatorOptions>>().Value.EnvironmentClientId,
                app.Urls.FirstOrDefault()));
        await app.RunAsync();
        return 0;

    case "rotate-keys":
        var graceArgument = builder.Configuration["grace-seconds"];
        TimeSpan? grace = int.TryParse(graceArgument, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
        var ring = app.Services.GetRequiredService<SigningKeyRing>();
        var kid = ring.Rotate(grace);
        Console.WriteLine($"New signing key {kid}; published: {string.Join(", ", ring.Published().Select(k => k.Kid))}");
        return 0;

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Use 'serve' (default) or 'rotate-keys [--grace-seconds N]'.");
        return 2;
}
