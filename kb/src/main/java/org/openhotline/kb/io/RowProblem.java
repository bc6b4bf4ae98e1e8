package org.openhotline.kb.io;

/** Why one row of an import file was refused; {@code row} is the line (JSON Lines) or sheet row (Excel), from 1. */
public record RowProblem(int row, String message) {
    @Override
    public String toString() {
        return "row " + row + ": " + message;
    }
}
