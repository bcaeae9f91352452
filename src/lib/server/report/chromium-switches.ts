/**
 * The Chromium features Samråd's browsers run without: the PDF printer's and the end-to-end
 * tests'. Playwright starts Chromium with a --disable-features list of its own, and Chromium
 * reads only the last --disable-features it is given, so this list repeats Playwright's (as of
 * 1.65) before adding ours. chromium-switches.test.ts fails when Playwright's list has an entry
 * this one lacks, or when Chromium opens the popups below again.
 */
const playwrightDisabled = [
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'TcpPortRandomizationWin',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch',
	'msForceBrowserSignIn',
	'msEdgeUpdateLaunchServicesPreferredVersion'
];

/**
 * For every window (each print, each test's browser context) Chromium 156 preloads two WebUI
 * address-bar popups, each in a renderer process of its own at about half a CPU-second: a
 * headless browser never shows them. Without them the end-to-end tests took 12-25 % less CPU.
 * (The headless shell, used when installed, has no address bar; this matters when CHROMIUM_PATH
 * names the full browser.)
 */
const headlessWaste = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The features this project's Chromium runs without, in Playwright's and ours. */
export const disabledFeatures: readonly string[] = [...playwrightDisabled, ...headlessWaste];

/** The one --disable-features switch to give Chromium (after Playwright's own). */
export const disableFeaturesSwitch = `--disable-features=${disabledFeatures.join(',')}`;
