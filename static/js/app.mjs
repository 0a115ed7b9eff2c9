// Progressive enhancement only: every page works without this file.
// Starts just the GOV.UK Frontend components the portal uses.
import {
  Button,
  CharacterCount,
  Checkboxes,
  createAll,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink
} from './__GOVUK_FRONTEND__'

for (const Component of [
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink
]) {
  createAll(Component)
}

// A print button is only shown when this script runs (see .portal-print in _portal.scss).
for (const button of document.querySelectorAll('[data-portal-print]')) {
  button.addEventListener('click', () => window.print())
}

// A tracking link's Continue page: press the button for the person. Without this script they
// press it themselves; either way only the POST signs in, so mail scanners that open links
// without running scripts change nothing.
for (const form of document.querySelectorAll('form[data-portal-auto-submit]')) {
  form.requestSubmit()
}
