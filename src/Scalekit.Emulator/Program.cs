using System.Reflection;
using Scalekit.Emulator;
using Scalekit.Emulator.Tokens;

// The local Scalekit emulator: `scalekit-emulator` as a .NET tool, or `dotnet run --project src/Scalekit.Emulator`.
// The command, if any, comes first; everything else is configuration (--urls http://…, --database PATH,
// --Emulator:EnvironmentUrl=…). See Usage below and docs/emulator.md.
const string Usage = """
    Usage: scalekit-emulator [command] [options]

    Commands:
      serve                      Serve the emulator (the default): tokens, JWKS, the management API (REST and gRPC), the admin page.
      rotate-keys                Publish a new signing key that signs from now on; the old one stays published for the grace period.

    Options:
      --urls <urls>              Where to listen (default http://127.0.0.1:5100). HTTP/1.1 and HTTP/2 share each address.
      --database <path>          The SQLite database file, or :memory: (default: a per-user file, see docs/emulator.md).
      --grace-seconds <n>        rotate-keys: how long the old key stays published (default: Emulator:KeyRotationGracePeriod).
      --Emulator:<Option>=<v>    Any emulator option, e.g. --Emulator:EnvironmentUrl=http://scalekit.local:5100.
      -h, --help                 Show this help.
      --version                  Show the version.

    Environment: SCALEKIT_CLIENT_ID and SCALEKIT_CLIENT_SECRET set the environment client's credentials.
    """;

var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
var options = command is null ? args : args[1..];
if (options.Any(a => a is "-h" or "--help" or "-?"))
{
    Console.WriteLine(Usage);
    return 0;
}

if (options.Contains("--version"))
{
    Console.WriteLine(typeof(ScalekitEmulatorHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    return 0;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = EmulatorArguments.Normalize(options),
    // The emulator's own appsettings.json, wherever it is run from (as a tool, the current folder is the user's).
    ContentRootPath = AppContext.BaseDirectory,
});
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5100");
}

// HTTP/1.1 and HTTP/2 (h2c with prior knowledge) on the same address: Scalekit's SDKs use both.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.UseScalekitEmulatorProtocols());
builder.Services.AddScalekitEmulator(builder.Configuration);
var app = builder.Build();
var emulatorOptions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScalekitEmulatorOptions>>().Value;

switch (command)
{
    case null or "serve":
        app.MapScalekitEmulator();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Scalekit emulator ready at {Urls}. Environment client: {ClientId}. Admin page: {Url}/. Database: {Database}",
                string.Join(", ", app.Urls), emulatorOptions.EnvironmentClientId, app.Urls.FirstOrDefault(), emulatorOptions.Database));
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
        Console.Error.WriteLine($"Unknown command '{command}'. Use 'serve' (default) or 'rotate-keys [--grace-seconds N]'; --help lists the options.");
        return 2;
}
