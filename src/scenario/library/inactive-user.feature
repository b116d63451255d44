# language: no
Egenskap: En inaktiv bruker
  En bruker som er satt til Inaktiv i Manager, avvises med «Brukeren er inaktiv» før noe telles
  (R-VER-2). Status og sperre henger ikke sammen (R-BLK-4): Ola er fortsatt ikke sperret, og
  hos Northbank, der han er aktiv, kommer han inn.

  Bakgrunn:
    Gitt standardverdenen
    Og frøet "library-inactive-user"

  Scenario: Ola er satt inaktiv i Acme
    Når "ulf.users" setter "ola" inaktiv
    Så revisjonsloggen til "Acme Corp" har "status-set" av "ulf.users" på "ola"
    Og Manager viser "ola" i "Acme Corp" som "inactive"
    Og Manager viser "ola" i "Acme Corp" som ikke sperret
    Når "Ola" skriver inn PIN "2345", lagret som "kode"
    Og "ola" logger inn på "Acme VPN" med koden "{kode}"
      """
      Appen gir Ola en kode som vanlig, men Acme avviser ham.
      """
    Så innloggingen avvises
    Og hendelsesloggen til "Acme Corp" har "Access_Denied" for "ola" med teksten "User is inactive"
    Og Manager viser 0 kodeforsøk for "ola" i "Acme Corp"
    Når "ola" logger inn på "Acme VPN" med koden "000000"
    Så innloggingen avvises
    Og hendelsesloggen til "Acme Corp" har "Access_Denied" for "ola" med teksten "Brukeren er inaktiv"
    Og Manager viser 0 kodeforsøk for "ola" i "Acme Corp"
    Når "ola.nordmann" logger inn på "Northbank remote access" med koden "{kode}"
    Så innloggingen godtas
    Og hendelsesloggen til "Northbank" har "Access_Granted" for "ola.nordmann"
    Når "ulf.users" sperrer PIN for "ola"
    Så Manager viser "ola" i "Acme Corp" som sperret av "manager"
    Og Manager viser "ola" i "Acme Corp" som "inactive"
    Når "ulf.users" setter "ola" aktiv
    Så Manager viser "ola" i "Acme Corp" som "active"
    Og Manager viser "ola" i "Acme Corp" som sperret
    Og revisjonsloggen til "Acme Corp" har "status-set" av "ulf.users" på "ola"
