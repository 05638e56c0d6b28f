using Scalekit.AspNetCore.LoadServer;

// bench/load.sh runs this in two roles:
//   serve --mode none|scalekit|scope|jwtbearer|floor --port N   GET /hello, unprotected or protected, and its own JWKS, on 127.0.0.1:N
//   flood --port N --count C --seconds S --concurrency K   C distinct valid tokens, one request each, at most S seconds
return args.FirstOrDefault() switch
{
    "serve" => await BenchServer.RunAsync(Arguments.Parse(args[1..])),
    "flood" => await FloodClient.RunAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LoadServer serve --mode none|scalekit|scope|jwtbearer|floor --port N");
    Console.Error.WriteLine("       LoadServer flood --port N [--count 1000000] [--seconds 600] [--concurrency 8]");
    return 2;
}
