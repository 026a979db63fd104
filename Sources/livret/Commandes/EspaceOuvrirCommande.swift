import ArgumentParser
import Foundation
import LivretCore
import LivretEspace
import LivretServices
import LivretStore

extension EspaceCommande {
    struct Ouvrir: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ouvrir l'espace des apprenants : un petit site sur cet ordinateur (Ctrl-C pour le fermer).",
            discussion: """
            Par défaut, seul cet ordinateur peut ouvrir l'espace (http://127.0.0.1:8080). Avec --reseau-local, les \
            téléphones sur le même Wi-Fi peuvent aussi l'ouvrir, et l'espace montre un code QR pour y récupérer le CV \
            et les badges. Chaque personne entre avec le code que vous lui donnez (livret espace code A-0001, ou la \
            touche « k » sur sa fiche dans l'interface).
            """)
        @OptionGroup var options: OptionsBase
        @OptionGroup var optionsCles: OptionsCles
        @Option(help: ArgumentHelp("Le port (8080 par défaut ; 0 : un port libre, affiché au démarrage).", valueName: "PORT")) var port = 8080
        @Option(help: ArgumentHelp("L'adresse où écouter (127.0.0.1 par défaut ; une autre seulement avec --reseau-local).", valueName: "ADRESSE"))
        var adresse: String?
        @Flag(name: .customLong("reseau-local"), help: "Ouvrir aussi l'espace aux téléphones et ordinateurs du réseau local (Wi-Fi de la structure).")
        var reseauLocal = false

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port \(port) : choisissez un port de 1 à 65535 (ou 0 pour un port libre).") }
        }

        func run() throws {
            let hote = adresse ?? (reseauLocal ? "0.0.0.0" : "127.0.0.1")
            if !ServeurEspace.estLocale(hote) && !reseauLocal {
                throw ErreurUtilisateur("l'adresse « \(hote) » n'est pas celle de cet ordinateur seul : les autres appareils du réseau "
                                        + "pourraient ouvrir l'espace. Si c'est voulu, ajoutez --reseau-local ; sinon, retirez --adresse.")
            }
            let db = try options.ouvrir()
            let catalogue = try ChargementCatalogue.catalogue(pour: db)
            _ = try Auteurs.jourCourant(option: nil)
            let adresses = reseauLocal ? (ServeurEspace.estLocale(hote) || hote == "0.0.0.0" ? ServeurEspace.adressesReseau() : [hote]) : []
            let portReel = PortReel(port)
            let pourTelephones: String? = reseauLocal ? adresses.first : nil
            // Asked when a page needs it: the port is known only once the server listens.
            var adresseTelephones: (@Sendable () -> String)?
            if let a = pourTelephones { adresseTelephones = { "http://\(a):\(portReel.valeur)" } }
            let configuration = ConfigurationEspace(
                db: db, catalogue: catalogue, dossierCles: optionsCles.dossier(base: options),
                maintenant: { Auteurs.maintenant() },
                jour: { (try? Auteurs.jourCourant(option: nil)) ?? Jour(numero: 0) },
                adressePourTelephones: adresseTelephones,
                hoteAccepte: ServeurEspace.hotesAcceptes(port: { portReel.valeur }, adresses: adresses))
            if reseauLocal {
                Sortie.ligne("Attention : l'espace est ouvert à tous les appareils du réseau local (\(adresses.isEmpty ? hote : adresses.joined(separator: ", "))).")
                Sortie.ligne("N'utilisez --reseau-local que sur le Wi-Fi de la structure, jamais sur un réseau public.")
            }
            let application = ServeurEspace.application(configuration, hote: hote, port: port) { reel in
                portReel.valeur = reel
                Sortie.ligne("Espace des apprenants ouvert : http://\(ServeurEspace.estLocale(hote) ? hote : "127.0.0.1"):\(reel)"
                             + (pourTelephones.map { " (téléphones : http://\($0):\(reel))" } ?? ""))
                Sortie.ligne("Pour le fermer : Ctrl-C.")
            }
            let fini = DispatchSemaphore(value: 0)
            let erreur = Boite()
            Task {
                do { try await application.runService() } catch { erreur.valeur = error }
                fini.signal()
            }
            fini.wait()
            if let e = erreur.valeur { throw ErreurUtilisateur("l'espace n'a pas pu s'ouvrir sur \(hote):\(port) : \(e)") }
        }
    }

    /// The port the server really listens on (known once it listens, when 0 was asked).
    final class PortReel: @unchecked Sendable {
        private let verrou = NSLock()
        private var _valeur: Int
        init(_ v: Int) { _valeur = v }
        var valeur: Int {
            get { verrou.withLock { _valeur } }
            set { verrou.withLock { _valeur = newValue } }
        }
    }

    final class Boite: @unchecked Sendable {
        var valeur: (any Error)?
    }
}
