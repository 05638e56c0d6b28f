using Quickstart;

// The offline end-to-end demo: a local Scalekit environment (the emulator) and a protected API, both on 127.0.0.1.
// It registers an API client, gets a token by client credentials, calls the API, and prints what happens.
// Exit code 0 when every step answered as expected, 1 otherwise.
var transcript = new Transcript(Console.Out);
try
{
    await using var demo = await QuickstartDemo.StartAsync(transcript);
    await demo.RunAsync();
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
{
    transcript.Fail($"The quickstart stopped: {ex.Message}");
}

return transcript.Finish();
