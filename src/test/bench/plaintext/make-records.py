#!/usr/bin/env python3
"""make-records.py DIR: the canary case's records in DIR/records (a text PDF, a scanned page as an image PDF and as
PNG, a text file, a 12-page scan for the crash tests) and DIR/case-decided.json (CM25-0043, decided, for letters).
Needs ImageMagick's convert (PNG only; its PDF writer is usually disabled by policy)."""
import json, os, subprocess, sys, zlib
d = sys.argv[1]; rec = os.path.join(d, "records"); os.makedirs(rec, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))
def write_pdf(path, objs):
    parts = [b"%PDF-1.4\n"]; n = len(parts[0]); offs = []
    for i, o in enumerate(objs):
        offs.append(n); p = b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"; parts.append(p); n += len(p)
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    parts += [b"%010d 00000 n \n" % o for o in offs]
    parts.append(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, n))
    open(path, "wb").write(b"".join(parts))
def stream(data, extra=b""):
    return b"<< " + extra + b"/Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
def text_pdf(path, lines):
    c = ("BT /F1 12 Tf 72 720 Td 16 TL\n" + "".join("(%s) Tj T*\n" % l for l in lines) + "ET").encode()
    write_pdf(path, [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", stream(c)])
def scan_page(png, lines, noise):
    args = ["convert", "-size", "1700x2200", "xc:white", "-font", "DejaVu-Sans", "-pointsize", "44", "-fill", "black"]
    for i, l in enumerate(lines):
        args += ["-annotate", "+150+%d" % (300 + 120 * i), l]
    if noise:
        args += ["-attenuate", "0.3", "+noise", "Gaussian"]
    subprocess.run(args + ["-density", "200", "-units", "PixelsPerInch", png], check=True)
    raw = subprocess.run(["convert", png, "-colorspace", "Gray", "-depth", "8", "gray:-"], check=True,
                         capture_output=True).stdout
    return zlib.compress(raw)
def image_pdf(path, pages):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]; kids = []
    for data in pages:
        img = len(objs) + 1
        objs.append(stream(data, b"/Type /XObject /Subtype /Image /Width 1700 /Height 2200 /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode "))
        objs.append(stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"))
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 %d 0 R >> >> "
                    b"/Contents %d 0 R >>" % (img, img + 1))
        kids.append(img + 2)
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    write_pdf(path, objs)
text_pdf(os.path.join(rec, "progress-2025-03-14.pdf"), ["PROGRESS REPORT PR-2   Date of service: 03/14/2025",
    "Patient: Quillon Varnebrook   DOB 02/29/1971",
    "Subjective: the patient reports GlimmerstoneVortex pain radiating to the left arm.",
    "Objective: cervical range of motion reduced; Spurling test positive on the left.",
    "Assessment: cervical radiculopathy, HarpsichordMeadow syndrome suspected.",
    "Plan: physical therapy twice a week for six weeks; MRI of the cervical spine."])
scan = ["ORTHOPEDIC CONSULTATION  04/02/2025", "Patient name: Quillon Varnebrook",
        "Findings: Pelicanwhistle Quasartrombone noted", "on examination of the shoulder today.",
        "Recommend Obsidianmarmalade injection."]
png = os.path.join(rec, "ortho-scan-photo.png")
image_pdf(os.path.join(rec, "ortho-scan-2025-04-02.pdf"), [scan_page(png, scan, False)])
tmp = os.path.join(d, "page.png")
image_pdf(os.path.join(rec, "scan-12p.pdf"), [scan_page(tmp, ["PAGE %d ORTHOPEDIC NOTE" % (i + 1)] + scan[1:], False)
                                              for i in range(12)])
os.remove(tmp)
open(os.path.join(rec, "ur-2025-04-20.txt"), "w").write("UR DETERMINATION 2025-04-20\nEmployee: Quillon Varnebrook\n"
    "The request for TangerineOblivion therapy is non-certified.\nReviewer notes: XylophoneCuttlefish protocol not supported.\n")
c = json.load(open(os.path.join(here, "case.json")))
c["caseNumber"] = "CM25-0043"
c["items"][0].update({"treatmentCategory": "physical-therapy", "decision": "UPHELD",
    "reviewerGuideline": "Decision based on MTUS Chronic Pain Treatment Guidelines Physical therapy Page(s): 98-99.",
    "rationale": "Request: 12 sessions of physical therapy for the cervical spine. The cited guidelines recommend up to 10 "
    "visits. The patient, Quillon Varnebrook, has PlumtreeHarbinger findings; the records do not document functional "
    "improvement from earlier therapy. The medical necessity is not established."})
c["items"][1].update({"treatmentCategory": "imaging", "decision": "OVERTURNED",
    "reviewerGuideline": "Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints, page 177-178.",
    "rationale": "Request: MRI of the cervical spine without contrast. The progress report documents radicular findings "
    "(PlumtreeHarbinger sign) with neurologic deficit. The guidelines support imaging for physiologic evidence of nerve "
    "compromise. The request is medically necessary."})
json.dump(c, open(os.path.join(d, "case-decided.json"), "w"), indent=1)
