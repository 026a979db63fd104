import Foundation
import LivretBadges
import LivretCore
import LivretReseau
import LivretServices
import LivretStore
import LivretTestSupport
import LivretZip
import Testing

/// The network end to end on its embedded store: three structures' extracts imported, the
/// network's report equal to the sum of theirs before protection, refusals as specified.
@Suite struct ReseauSQLiteTests {
    @Test func leRapportDuReseauEstLaSommeDesRapportsDesStructures() async throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        let entrepot = try await ServiceReseau.ouvrir(base: travail.fichier("reseau.sqlite").path, postgres: nil, environnement: [:])
        try await reseau.inscrire(dans: entrepot)
        let archives = try reseau.structures.map { try reseau.archive($0) }
        let issues = try await ServiceReseau.importer(archives.enumerated().map { ("extrait-\($0.offset).zip", $0.element.octets) },
                                                      entrepot: entrepot, jour: Jour("2025-01-20")!)
        #expect(issues.allSatisfy { if case .importe = $0 { true } else { false } }, "\(issues)")
        let brut = try await ServiceReseau.publication(entrepot: entrepot, catalogue: catalogueEmbarque, periode: StructuresDuReseau.periode,
                                                       parStructure: true, seuil: nil)
        let sansStructures = try await ServiceReseau.publication(entrepot: entrepot, catalogue: catalogueEmbarque, periode: StructuresDuReseau.periode,
                                                                 parStructure: false, seuil: nil)
        for croisement in Croisement.allCases {
            // Without the structures' scopes, units are départements: the same network figures.
            #expect(try ServiceReseau.rapport(sansStructures, perimetre: ConsolidationReseau.libelleReseau, croisement: croisement, audit: false).rapport
                    == ServiceReseau.rapport(brut, perimetre: ConsolidationReseau.libelleReseau, croisement: croisement, audit: false).rapport)
            let somme = try reseau.structures.map { ChiffresRapport(try reseau.rapport($0, croisement: croisement)) }.reduce(ChiffresRapport(), +)
            let consolide = ChiffresRapport(try ServiceReseau.rapport(brut, perimetre: ConsolidationReseau.libelleReseau, croisement: croisement,
                                                                      audit: false).rapport)
            #expect(consolide.egal(somme, tolerance: 0.16), "\(croisement): \(consolide)\n≠\n\(somme)")
            #expect(consolide.lignes["ensemble"]![0] > 100)
            // Each structure's scope in the network is that structure's own report.
            for s in reseau.structures {
                let seule = ChiffresRapport(try ServiceReseau.rapport(brut, perimetre: "structure \(s.nom)", croisement: croisement, audit: false).rapport)
                #expect(seule.egal(ChiffresRapport(try reseau.rapport(s, croisement: croisement)), tolerance: 0.051), "\(s.nom) \(croisement)")
            }
        }
        // A member without an extract is said, in the scopes it belongs to.
        try await ServiceReseau.ajouterMembre(MembreReseau(nom: "Sans extrait", cle: DIDEmetteur.controleur(kid: CleEmetteur.generer().kid),
                                                           departement: "62"), entrepot: entrepot)
        let incomplet = try await ServiceReseau.publication(entrepot: entrepot, catalogue: catalogueEmbarque, periode: StructuresDuReseau.periode,
                                                            parStructure: false)
        #expect(try ServiceReseau.rapport(incomplet, perimetre: ConsolidationReseau.libelleReseau, croisement: .aucun, audit: false)
                    .rapport.avertissements.contains { $0.contains("Sans extrait") })
        #expect(try ServiceReseau.rapport(incomplet, perimetre: "département 59", croisement: .aucun, audit: false)
                    .rapport.avertissements.allSatisfy { !$0.contains("Sans extrait") })
        // The département 59 is the sum of its two structures.
        let nord = ChiffresRapport(try ServiceReseau.rapport(brut, perimetre: "département 59", croisement: .aucun, audit: false).rapport)
        let deux = try reseau.structures.filter { $0.departement == "59" }.map { ChiffresRapport(try reseau.rapport($0, croisement: .aucun)) }
        #expect(nord.egal(deux.reduce(ChiffresRapport(), +), tolerance: 0.11))
        // The sub-network « Hub Nord » (one structure in 59, one in 62) is the sum of its two structures, with or without structures published.
        let hub = try reseau.structures.prefix(2).map { ChiffresRapport(try reseau.rapport($0, croisement: .statut)) }.reduce(ChiffresRapport(), +)
        for publication in [brut, sansStructures] {
            let chiffres = ChiffresRapport(try ServiceReseau.rapport(publication, perimetre: "sous-réseau Hub Nord", croisement: .statut, audit: false).rapport)
            #expect(chiffres.egal(hub, tolerance: 0.11))
        }
        try await entrepot.fermer()
    }

    /// Files imported together are written by lots: a structure's two extracts of one year in one
    /// import replace each other in order, whatever the size of the lots, as two imports would.
    @Test(arguments: [1, ServiceReseau.enregistrementsParLot])
    func unImportDePlusieursFichiersSEcritParLots(taille: Int) async throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        let entrepot = try await ServiceReseau.ouvrir(base: travail.fichier("reseau.sqlite").path, postgres: nil, environnement: [:])
        try await reseau.inscrire(dans: entrepot)
        let a = reseau.structures[0]
        let ancien = try reseau.archive(a, faitLe: Jour("2025-01-10")!)
        let recent = try reseau.archive(a, faitLe: Jour("2025-01-20")!)
        let autres = try reseau.structures.dropFirst().map { try reseau.archive($0) }
        let fichiers = [("ancien.zip", ancien.octets)] + autres.enumerated().map { ("autre-\($0.offset).zip", $0.element.octets) }
            + [("recent.zip", recent.octets), ("ancien-encore.zip", ancien.octets), ("recent-encore.zip", recent.octets)]
        let issues = try await ServiceReseau.importer(fichiers, entrepot: entrepot, jour: Jour("2025-02-01")!, enregistrementsParLot: taille)
        #expect(issues.count == fichiers.count)
        #expect(issues[0] == .importe(structure: a.nom, periode: StructuresDuReseau.periode, inscriptions: ancien.extrait.inscriptions.count,
                                      accompagnements: ancien.extrait.accompagnements.count, remplace: nil))
        guard case .importe(_, _, _, _, let remplace?) = issues[autres.count + 1] else { Issue.record("\(issues)"); return }
        let historique = try await entrepot.historique(periode: StructuresDuReseau.periode)
        #expect(historique.count == reseau.structures.count + 1)
        #expect(historique.first { $0.remplacePar != nil }?.empreinte == remplace)
        guard case .refuse(let rejoue) = issues[autres.count + 2] else { Issue.record("\(issues)"); return }
        #expect(rejoue.contains("déjà été reçu puis remplacé"))
        #expect(issues.last == .dejaEnVigueur(structure: a.nom, periode: StructuresDuReseau.periode))
        // What is counted: the structures' extracts in force, the recent one for the first.
        let (agregats, _) = try await entrepot.agregats(periode: StructuresDuReseau.periode, parStructure: true)
        let membres = try await entrepot.membres()
        let enVigueur = [recent.extrait] + autres.map(\.extrait)
        #expect(Set(agregats) == Set(AgregatReseau.depuis(enVigueur.map { e in (e, membres.first { $0.nom == e.structure }!) }, parStructure: true)))
        try await entrepot.fermer()
    }

    /// A lot that fails (the server stopped): the lots before it stay, the message says so, and the
    /// same import run again finds them in force and writes the rest.
    @Test func unLotQuiEchoueLaisseLesPrecedentsEtLImportSeRelance() async throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        let entrepot = try await ServiceReseau.ouvrir(base: travail.fichier("reseau.sqlite").path, postgres: nil, environnement: [:])
        try await reseau.inscrire(dans: entrepot)
        let fichiers = try reseau.structures.enumerated().map { ("extrait-\($0.offset).zip", try reseau.archive($0.element).octets) }
        let jour = Jour("2025-02-01")!
        let panne = EntrepotEnPanne(entrepot, lotsReussis: 1)
        let erreur = await #expect(throws: ErreurUtilisateur.self) {
            try await ServiceReseau.importer(fichiers, entrepot: panne, jour: jour, enregistrementsParLot: 1)
        }
        #expect(erreur?.message == "Serveur arrêté. 1 extrait de cet import est enregistré, pas celui du dernier lot : "
                + "relancez l'import, les extraits déjà en vigueur seront reconnus.", "\(String(describing: erreur))")
        #expect(try await entrepot.historique(periode: nil).map(\.membre) == [reseau.structures[0].nom])
        let suite = try await ServiceReseau.importer(fichiers, entrepot: entrepot, jour: jour, enregistrementsParLot: 1)
        #expect(suite.first == .dejaEnVigueur(structure: reseau.structures[0].nom, periode: StructuresDuReseau.periode))
        #expect(suite.dropFirst().allSatisfy { if case .importe = $0 { true } else { false } }, "\(suite)")
        #expect(try await entrepot.historique(periode: nil).count == reseau.structures.count)
        try await entrepot.fermer()
    }

    @Test func lesExtraitsModifiesInconnusOuRejouesSontRefuses() async throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        let entrepot = try await ServiceReseau.ouvrir(base: travail.fichier("reseau.sqlite").path, postgres: nil, environnement: [:])
        let (a, b) = (reseau.structures[0], reseau.structures[1])
        try await ServiceReseau.ajouterMembre(MembreReseau(nom: a.nom, cle: DIDEmetteur.controleur(kid: a.cle.kid), departement: "59"), entrepot: entrepot)
        let jour = Jour("2025-02-01")!
        let ancien = try reseau.archive(a, faitLe: Jour("2025-01-10")!)
        let recent = try reseau.archive(a, faitLe: Jour("2025-01-20")!)

        // Tampered: one figure changed in extrait.json, the signature kept.
        var entrees = try ZipLecture.lire(recent.octets)
        let texte = String(decoding: entrees[RegleExtrait.fichierDonnees]!, as: UTF8.self)
        entrees[RegleExtrait.fichierDonnees] = Data(texte.replacingOccurrences(of: "\"etat\" : \"abandon\"", with: "\"etat\" : \"termine\"").utf8)
        #expect(texte.contains("\"etat\" : \"abandon\""))
        let modifie = try ZipEcriture.octets(entrees)
        // Unknown member: b is not registered.
        let inconnu = try reseau.archive(b)
        // Signed by another key than the member's.
        let autreCle = try ServiceExtrait.archive(recent.extrait, cle: CleEmetteur.generer())
        // Not an archive at all.
        let issues = try await ServiceReseau.importer([("modifie.zip", modifie), ("inconnu.zip", inconnu.octets), ("autre-cle.zip", autreCle),
                                                       ("texte.zip", Data("bonjour".utf8))], entrepot: entrepot, jour: jour)
        let raisons = issues.compactMap { if case .refuse(let r) = $0 { r } else { nil } }
        #expect(raisons.count == 4, "\(issues)")
        #expect(raisons[0].contains("modifie.zip") && raisons[0].contains("modifié"))
        #expect(raisons[1].contains("n'est pas membre"))
        #expect(raisons[2].contains("clé enregistrée"))
        #expect(raisons[3].contains("texte.zip"))
        #expect(try await entrepot.historique(periode: nil).isEmpty)

        // The older, then the more recent: replaced, history kept; the same again: nothing to do;
        // the older replayed: refused; an extract made before the one in force: refused.
        var suite = try await ServiceReseau.importer([("ancien.zip", ancien.octets)], entrepot: entrepot, jour: jour)
        #expect(suite == [.importe(structure: a.nom, periode: StructuresDuReseau.periode, inscriptions: ancien.extrait.inscriptions.count,
                                   accompagnements: ancien.extrait.accompagnements.count, remplace: nil)])
        suite = try await ServiceReseau.importer([("recent.zip", recent.octets), ("recent-encore.zip", recent.octets), ("ancien.zip", ancien.octets)],
                                                 entrepot: entrepot, jour: jour)
        guard case .importe(_, _, _, _, let remplace?) = suite[0] else { Issue.record("\(suite)"); return }
        #expect(remplace.count == 64)
        #expect(suite[1] == .dejaEnVigueur(structure: a.nom, periode: StructuresDuReseau.periode))
        guard case .refuse(let rejoue) = suite[2] else { Issue.record("\(suite)"); return }
        #expect(rejoue.contains("déjà été reçu puis remplacé"))
        let plusVieux = try reseau.archive(a, faitLe: Jour("2025-01-12")!)
        suite = try await ServiceReseau.importer([("plus-vieux.zip", plusVieux.octets)], entrepot: entrepot, jour: jour)
        guard case .refuse(let vieux) = suite[0] else { Issue.record("\(suite)"); return }
        #expect(vieux.contains("avant celui que le réseau a déjà"))
        let historique = try await entrepot.historique(periode: StructuresDuReseau.periode)
        #expect(historique.count == 2)
        #expect(historique.filter { $0.remplacePar == nil }.count == 1)

        // A revoked member's next extracts are refused.
        try await entrepot.revoquerMembre(a.nom, le: Jour("2025-03-01")!)
        let apres = try reseau.archive(a, faitLe: Jour("2025-03-05")!)
        suite = try await ServiceReseau.importer([("apres.zip", apres.octets)], entrepot: entrepot, jour: Jour("2025-03-05")!)
        guard case .refuse(let revoque) = suite[0] else { Issue.record("\(suite)"); return }
        #expect(revoque.contains("n'est plus membre"))
        try await entrepot.fermer()
    }

    @Test func lExtraitEstReproductibleEtLisible() throws {
        let reseau = try StructuresDuReseau.partagees.get()
        let travail = try DossierTemporaire(prefixe: "livret-reseau")
        defer { travail.supprimer() }
        let s = reseau.structures[0]
        let (premier, octets) = try reseau.archive(s)
        let (second, _) = try reseau.archive(s)
        #expect(try RegleExtrait.json(premier) == RegleExtrait.json(second))
        let entrees = try ZipLecture.lire(octets)
        #expect(Set(entrees.keys) == [RegleExtrait.fichierDonnees, RegleExtrait.fichierLisezMoi, RegleExtrait.fichierSignature])
        let lisezMoi = String(decoding: entrees[RegleExtrait.fichierLisezMoi]!, as: UTF8.self)
        #expect(lisezMoi.contains("aucun nom") && lisezMoi.contains("aucune année de naissance") && lisezMoi.contains(s.nom))
        #expect(premier.horsStatistiques > 0, "the generated bases hold people without consent")
        #expect(premier.inscriptions.map(\.numero) == (1...premier.inscriptions.count).map { "i-\($0)" })
    }
}

/// A store whose writes fail after `lotsReussis` lots, as when the server stops during an import;
/// everything else goes to the real store.
actor EntrepotEnPanne: EntrepotReseau {
    let vrai: any EntrepotReseau
    var lotsReussis: Int

    init(_ vrai: any EntrepotReseau, lotsReussis: Int) {
        self.vrai = vrai
        self.lotsReussis = lotsReussis
    }

    func enregistrer(_ lot: [ExtraitAEnregistrer], recuLe: Jour) async throws {
        guard lotsReussis > 0 else { throw ErreurReseau("Serveur arrêté.") }
        lotsReussis -= 1
        try await vrai.enregistrer(lot, recuLe: recuLe)
    }

    func migrer() async throws { try await vrai.migrer() }
    func ajouterMembre(_ membre: MembreReseau) async throws { try await vrai.ajouterMembre(membre) }
    func revoquerMembre(_ nom: String, le jour: Jour) async throws { try await vrai.revoquerMembre(nom, le: jour) }
    func membres() async throws -> [MembreReseau] { try await vrai.membres() }
    func historique(periode: PeriodeReseau?) async throws -> [ExtraitRecu] { try await vrai.historique(periode: periode) }
    func enVigueur(membre: String, periode: PeriodeReseau) async throws -> (faitLe: Jour, empreinte: String)? {
        try await vrai.enVigueur(membre: membre, periode: periode)
    }
    func dejaRecu(membre: String, empreinte: String) async throws -> Bool { try await vrai.dejaRecu(membre: membre, empreinte: empreinte) }
    func agregats(periode: PeriodeReseau, parStructure: Bool) async throws -> (agregats: [AgregatReseau], horsStatistiques: [String: Int]) {
        try await vrai.agregats(periode: periode, parStructure: parStructure)
    }
    func fermer() async throws { try await vrai.fermer() }
}
