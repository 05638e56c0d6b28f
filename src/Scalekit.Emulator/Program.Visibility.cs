// The emulator is also a library (ScalekitEmulatorHost): its top-level Program must stay internal. Without this
// declaration, .NET 10's PublicTopLevelProgramGenerator makes it a public global Program, and every test project that
// references the emulator and its own app gets CS0433 on WebApplicationFactory<Program>.
internal partial class Program;
