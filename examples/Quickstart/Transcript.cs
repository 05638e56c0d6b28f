namespace Quickstart;

/// <summary>Prints the quickstart's steps and checks, and counts the checks that did not hold.</summary>
public sealed class Transcript(TextWriter output)
{
    private int _failures;

    public void Step(string title) => output.WriteLine($"\n== {title}");

    public void Info(string text) => output.WriteLine($"   {text}");

    public void Check(bool ok, string text)
    {
        output.WriteLine($"   {(ok ? "ok  " : "FAIL")} {text}");
        if (!ok)
        {
            _failures++;
        }
    }

    public void Fail(string text) => Check(false, text);

    public int Finish()
    {
        output.WriteLine(_failures == 0
            ? "\nAll checks passed: tokens were issued, accepted, and refused exactly as documented."
            : $"\n{_failures} check(s) failed. Run with a clean checkout, or see README.md → Troubleshooting.");
        return _failures == 0 ? 0 : 1;
    }
}
