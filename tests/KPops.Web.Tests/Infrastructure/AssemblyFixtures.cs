using KPops.Web.Tests.Infrastructure;

// One Chromium for the run; each test class starts its own server (KPopsWebServer as a class fixture).
[assembly: AssemblyFixture(typeof(ChromiumBrowser))]
