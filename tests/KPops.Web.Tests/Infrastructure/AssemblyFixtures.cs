using KPops.Web.Tests.Infrastructure;

// One Chromium for the run; each test class starts its own server (KPopsWebServer as a class fixture).
[assembly: AssemblyFixture(typeof(ChromiumBrowser))]

// Browser tests mostly wait (for a page, a circuit, the live count's next tick), so more classes run side by side
// than there are cores; a class's own tests still run one after another on its server.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
