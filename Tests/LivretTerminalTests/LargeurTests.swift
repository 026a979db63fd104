import LivretTerminal
import Testing
