package org.reviewdesk.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/** PNG, JPEG and TIFF records: sizes checked from the headers before any pixel is decoded. */
final class ImageFiles {
    static {
        MemoryOnly.ensure();
    }

    private ImageFiles() {
    }

    /** The number of pages (TIFF frames), after checking every frame's declared size. */
    static int frameCount(String fileName, byte[] bytes, FileFormat format) throws RecordFileException {
        ImageReader reader = open(fileName, bytes, format);
        try {
            int frames = 0;
            while (true) {
                int w;
                int h;
                try {
                    w = reader.getWidth(frames);
                    h = reader.getHeight(frames);
                } catch (IndexOutOfBoundsException end) {
                    break;
                }
                checkSize(fileName, frames + 1, w, h);
                frames++;
                if (format != FileFormat.TIFF) {
                    break; // PNG and JPEG records show one image; anything else in the file is ignored
                }
                if (frames > Limits.MAX_FRAMES) {
                    throw new RecordFileException(fileName, fileName + " has more than " + Limits.MAX_FRAMES
                            + " pages (TIFF frames), more than ReviewDesk reads; split it into smaller files");
                }
            }
            if (frames == 0) {
                throw damaged(fileName, null);
            }
            return frames;
        } catch (IOException | RuntimeException e) {
            throw damaged(fileName, e);
        } finally {
            reader.dispose();
        }
    }

    /** Decodes one page (1-based); the frame's size is checked first. */
    static BufferedImage readFrame(String fileName, byte[] bytes, FileFormat format, int pageNumber)
            throws RecordFileException {
        ImageReader reader = open(fileName, bytes, format);
        try {
            int index = pageNumber - 1;
            checkSize(fileName, pageNumber, reader.getWidth(index), reader.getHeight(index));
            return reader.read(index);
        } catch (IndexOutOfBoundsException e) {
            throw new RecordFileException(fileName, fileName + " has no page " + pageNumber, e);
        } catch (IOException | RuntimeException e) {
            throw damaged(fileName, e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader open(String fileName, byte[] bytes, FileFormat format) throws RecordFileException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new RecordFileException(fileName, fileName + " is a " + format + " image, which this "
                    + "installation cannot read");
        }
        ImageReader reader = readers.next();
        // metadata is skipped: it can be large and we only need sizes and pixels
        reader.setInput(new ByteArrayImageInputStream(bytes), false, true);
        return reader;
    }

    private static void checkSize(String fileName, int page, int width, int height) throws RecordFileException {
        if (width <= 0 || height <= 0) {
            throw damaged(fileName, null);
        }
        if (width > Limits.MAX_SIDE || height > Limits.MAX_SIDE || (long) width * height > Limits.MAX_PIXELS) {
            throw new RecordFileException(fileName, fileName + (page > 1 ? " (page " + page + ")" : "")
                    + " declares an image of " + width + " x " + height + " pixels, larger than ReviewDesk "
                    + "opens safely (" + Limits.MAX_SIDE + " pixels a side, " + Limits.MAX_PIXELS / 1_000_000
                    + " megapixels); ask the sender for a smaller scan or a PDF");
        }
    }

    private static RecordFileException damaged(String fileName, Throwable cause) {
        return new RecordFileException(fileName, fileName + " is a damaged or incomplete image and cannot be "
                + "read; ask the sender for the file again", cause);
    }
}
