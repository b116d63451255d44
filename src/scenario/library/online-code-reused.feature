Feature: An online code used twice
  A 6-digit online code is accepted once. It is not tied to one organization, but once it has been
  used anywhere, typing it again anywhere is Access_Denied, "OTP already used", and counts nothing
  (R-VER-6, R-OTP-3, R-SEC-3).

  Background:
    Given the default world
    And the seed "library-online-code-reused"

  Scenario: The same code at Acme and then at Northbank
    When "Ola" enters PIN "2345", kept as "code"
    And "ola" logs in at "Acme VPN" with the code "{code}"
      """
      Ola logs in to Acme's VPN with the code on his screen.
      """
    Then the login is accepted
    And the event log of "Acme Corp" has "Access_Granted" for "ola"
    When "ola" logs in at "Acme web portal" with the code "{code}"
    Then the login fails
    And the event log of "Acme Corp" has "Access_Denied" for "ola" saying "OTP already used"
    And Manager shows 0 code attempts for "ola" at "Acme Corp"
    When "ola.nordmann" logs in at "Northbank remote access" with the code "{code}"
      """
      The code is still on the screen and within its 120 seconds, so he tries it at Northbank too.
      """
    Then the login fails
    And the event log of "Northbank" has "Access_Denied" for "ola.nordmann" saying "OTP already used"
    And the event log of "Acme Corp" has no new entry
    And Manager shows 0 code attempts for "ola.nordmann" at "Northbank"
    And Manager shows "ola.nordmann" at "Northbank" as not blocked
    When "Ola" goes back
    And "Ola" enters PIN "2345", kept as "second"
    And "ola.nordmann" logs in at "Northbank remote access" with the code "{second}"
    Then the login is accepted
    And the event log of "Northbank" has "Access_Granted" for "ola.nordmann"
