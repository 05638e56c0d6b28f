using BenchmarkDotNet.Running;

// Arguments go to BenchmarkDotNet: --filter '*Validation*', --job short, --list flat, …
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
