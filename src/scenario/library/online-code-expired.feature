Feature: An expired online code
  An online code is valid for 120 seconds after the server issued it. A code typed in 119 seconds
  after it was issued is accepted; a code typed in 120 seconds or more after it was issued is
  Access_Denied, "OTP is no longer valid", and no counter changes (R-VER-6).

  Background:
    Given the default world
    And the seed "library-online-code-expired"

  Scenario: A code typed in too late
    When "Ingrid" enters PIN "1234", kept as "early"
    Then "Ingrid" shows a code of 6 digits
    When the clock advances "1 min 59 s"
    And "ingrid" logs in at "Acme VPN" with the code "{early}"
      """
      One second before the code runs out.
      """
    Then the login is accepted
    And the event log of "Acme Corp" has "Access_Granted" for "ingrid"
    When "Ingrid" goes back
    And "Ingrid" enters PIN "1234", kept as "late"
    And the clock advances "2 min"
      """
      Ingrid gets a new code, but two minutes pass before she types it.
      """
    And "ingrid" logs in at "Acme VPN" with the code "{late}"
    Then the login fails
    And the event log of "Acme Corp" has "Access_Denied" for "ingrid" saying "OTP is no longer valid (created 09:01:59"
    And Manager shows 0 code attempts for "ingrid" at "Acme Corp"
    And Manager shows 0 PIN attempts for "ingrid" at "Acme Corp"
    And Manager shows "ingrid" at "Acme Corp" as not blocked
    When "Ingrid" goes back
    And "Ingrid" enters PIN "1234", kept as "fresh"
    And "ingrid" logs in at "Acme VPN" with the code "{fresh}"
    Then the login is accepted
