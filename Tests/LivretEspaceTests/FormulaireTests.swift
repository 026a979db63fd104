@testable import LivretEspace
import Testing

/// Reading forms: whatever a hand-made request sends, nothing crashes.
@Suite struct FormulaireTests {
    @Test func unFormulaireOrdinaire() {
        let f = Formulaire(corps: "code=551+841&section=pix&section=badges&aide=La+patience+%C3%A9")
        #expect(f["code"] == "551 841")
        #expect(f.tous("section") == ["pix", "badges"])
        #expect(f["aide"] == "La patience é")
        #expect(f["absent"] == nil)
    }

    @Test(arguments: ["code=551 841", "a=%", "a=%zz&b=1", "=&=&&", "«»=é%", "a==b", String(repeating: "%", count: 1000), "%E9=%FF"])
    func desOctetsQuelconquesNeFontRienTomber(_ corps: String) {
        let f = Formulaire(corps: corps)
        #expect(f.champs.count <= corps.count)
    }
}
