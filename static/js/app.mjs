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
